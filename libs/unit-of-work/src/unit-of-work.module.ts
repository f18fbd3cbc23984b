import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from './unit-of-work';
import { UnitOfWorkRepository } from './unit-of-work.repository';

@Global()
@Module({ providers: [UnitOfWork, UnitOfWorkRepository], exports: [UnitOfWork] })
export class UnitOfWorkModule {}
