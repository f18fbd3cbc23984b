import { hash, verify, type Options } from '@node-rs/argon2';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** argon2id with the OWASP baseline: 19 MiB of memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS: Options = {
  // Algorithm.Argon2id: the package's enum is `const`, which isolatedModules cannot inline.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes and checks passwords. One class, so tests can spy on how often `verify` runs. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly logger = new Logger('Passwords');
  private dummy: string | null = null;

  /**
   * A hash of a random secret, made once at start: checking a password against it for an
   * unknown e-mail costs what checking a real user's costs, so timing does not tell them apart.
   */
  get dummyHash(): string {
    if (!this.dummy) throw new Error('PasswordHasher used before the module was initialised');
    return this.dummy;
  }

  async onModuleInit(): Promise<void> {
    this.dummy = await this.hash(randomBytes(32).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  /**
   * True when the password matches; the parameters are read from the stored hash. A stored
   * value that is not an argon2 hash (imported or damaged) matches nothing rather than failing.
   */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch (error) {
      this.logger.warn(`a stored password hash could not be read: ${(error as Error).message}`);
      return false;
    }
  }
}
