import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { Public } from '../../libs/common/src';

class EchoDto {
  @IsString() text!: string;
}

/** Routes that exist only in tests, to drive the error contract from the outside. */
@Public()
@Controller('test-probe')
class ProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post('echo')
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  /** Breaks a CHECK constraint of the real schema (day_start_hour 0–23). */
  @Post('constraint')
  async breakConstraint(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO users (email, hashed_password, day_start_hour) VALUES ('probe@example.com', 'x', 99)`,
    );
  }

  /** Inserts the same e-mail twice in different case (unique index on lower(email)). */
  @Post('duplicate')
  async duplicate(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO users (email, hashed_password) VALUES ('Dup@Example.com', 'x')`,
    );
    await this.dataSource.query(
      `INSERT INTO users (email, hashed_password) VALUES ('dup@example.com', 'x')`,
    );
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail at /srv/app/secret.ts:42');
  }

  @Get('version')
  async version(): Promise<{ version: string }> {
    const rows: { version: string }[] = await this.dataSource.query('SELECT version()');
    return { version: rows[0].version };
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
