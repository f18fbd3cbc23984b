import { Public } from '@app/common';
import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LiveDto, ReadinessDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @ApiOkResponse({ type: LiveDto })
  getLiveness(): LiveDto {
    return { status: 'ok' };
  }

  /** The database (and Redis, when configured) answer; 503 otherwise. */
  @Get('ready')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async getReadiness(@Res({ passthrough: true }) res: Response): Promise<ReadinessDto> {
    const readiness = await this.health.readiness();
    if (readiness.status !== 'ok') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return readiness;
  }
}
