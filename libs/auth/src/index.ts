export * from './admin';
export * from './auth.module';
export * from './auth.dto';
export * from './user.dto';
export { PasswordHasher } from './password-hasher';
export { ACCESS_TOKEN_TTL_SECONDS, AccessTokens, type AccessTokenClaims } from './access-tokens';
export { UsersRepository } from './users.repository';
export {
  REFRESH_COOKIE,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  clearRefreshCookie,
  deliverSession,
  type PresentedRefreshToken,
  RefreshTokenFromRequest,
} from './refresh-token-cookie';
export * from './auth.service';
export * from './users.service';
export * from './email-links.dto';
export * from './email-links.service';
