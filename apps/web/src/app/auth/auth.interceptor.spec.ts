import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { SessionService } from './session.service';

const me = {
  id: 'u1',
  email: 'ada@example.com',
  fullName: 'Ada',
  timezone: 'Europe/Berlin',
  dayStartHour: 0,
  nudgeHour: 19,
  emailNudges: false,
  emailVerified: false,
  isActive: true,
  createdAt: '2026-11-20T08:00:00.000Z',
  today: '2026-11-25',
  nextDayStartsAt: '2026-11-25T23:00:00.000Z',
};

describe('authInterceptor and SessionService', () => {
  let http: HttpTestingController;
  let session: SessionService;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionService);
  });

  afterEach(() => {
    http.verify();
    vi.useRealTimers();
  });

  /** Lets awaited promises (and the requests they make) proceed. */
  const settle = () => vi.advanceTimersByTimeAsync(0);

  async function signIn(token = 'token-1', expiresIn = 900): Promise<void> {
    const signedIn = session.signIn({ email: me.email, password: 'secret secret' });
    const login = http.expectOne('/api/auth/login');
    expect(login.request.headers.has('Authorization')).toBe(false);
    login.flush({ accessToken: token, tokenType: 'Bearer', expiresIn });
    await settle();
    http.expectOne('/api/auth/me').flush(me);
    await signedIn;
  }

  it('keeps the access token in memory and sends it with API requests', async () => {
    await signIn();
    expect(session.signedIn()).toBe(true);
    expect(session.user()?.today).toBe('2026-11-25');
    // Only a hint that a session exists is stored, never a token.
    const stored = [localStorage, sessionStorage].flatMap((storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i)!) ?? ''),
    );
    expect(stored.join(' ')).not.toContain('token-1');
    expect(stored.every((value) => value === '1')).toBe(true);

    const request = firstValueFrom(TestBed.inject(HttpClient).get('/api/habits'));
    const sent = http.expectOne('/api/habits');
    expect(sent.request.headers.get('Authorization')).toBe('Bearer token-1');
    sent.flush([]);
    await expect(request).resolves.toEqual([]);
  });

  it('renews the token with the refresh cookie a minute before it expires', async () => {
    await signIn('token-1', 900);
    await vi.advanceTimersByTimeAsync(839_000);
    http.expectNone('/api/auth/refresh');
    await vi.advanceTimersByTimeAsync(1_000);
    const refresh = http.expectOne('/api/auth/refresh');
    expect(refresh.request.headers.get('X-Requested-With')).toBe('habit-tracker');
    refresh.flush({ accessToken: 'token-2', tokenType: 'Bearer', expiresIn: 900 });
    await settle();
    http.expectOne('/api/auth/me').flush(me);
    await settle();
    expect(session.accessToken()).toBe('token-2');
  });

  it('answers a 401 with one refresh and retries the request with the new token', async () => {
    await signIn();
    const request = firstValueFrom(TestBed.inject(HttpClient).get('/api/habits'));
    http.expectOne('/api/habits').flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle();
    http
      .expectOne('/api/auth/refresh')
      .flush({ accessToken: 'token-2', tokenType: 'Bearer', expiresIn: 900 });
    await settle();
    http.expectOne('/api/auth/me').flush(me);
    await settle();
    const retried = http.expectOne('/api/habits');
    expect(retried.request.headers.get('Authorization')).toBe('Bearer token-2');
    retried.flush(['ok']);
    await expect(request).resolves.toEqual(['ok']);
  });

  it('sends an ended session to sign-in with the page to come back to', async () => {
    await signIn();
    const router = TestBed.inject(Router);
    vi.spyOn(router, 'url', 'get').mockReturnValue('/today');
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    const request = firstValueFrom(TestBed.inject(HttpClient).get('/api/habits'));
    http.expectOne('/api/habits').flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle();
    http.expectOne('/api/auth/refresh').flush(
      {
        statusCode: 401,
        error: 'Unauthorized',
        code: 'REFRESH_TOKEN_EXPIRED',
        message: 'Expired.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(session.signedIn()).toBe(false);
    expect(session.accessToken()).toBeNull();
    expect(session.endedNotice()).toMatch(/session has ended/);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/today' } });
  });

  it('asks nothing at start-up when this browser never signed in (no 401 to log)', async () => {
    localStorage.clear();
    await session.restore();
    http.expectNone('/api/auth/refresh');
    expect(session.status()).toBe('signed-out');
  });

  it('restores the session after a reload from the refresh cookie, or stays signed out', async () => {
    localStorage.setItem('habit-tracker.session', '1');
    const restored = session.restore();
    http.expectOne('/api/auth/refresh').flush(
      {
        statusCode: 401,
        error: 'Unauthorized',
        code: 'REFRESH_TOKEN_MISSING',
        message: 'No token.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await restored;
    expect(session.status()).toBe('signed-out');

    localStorage.setItem('habit-tracker.session', '1');
    const again = session.restore();
    http
      .expectOne('/api/auth/refresh')
      .flush({ accessToken: 'token-9', tokenType: 'Bearer', expiresIn: 900 });
    await settle();
    http.expectOne('/api/auth/me').flush(me);
    await again;
    expect(session.status()).toBe('signed-in');
  });
});
