import { Module } from '@nestjs/common';
import { SecretsRepository } from './secrets.repository';
import { SecretsService } from './secrets.service';

@Module({ providers: [SecretsRepository, SecretsService], exports: [SecretsService] })
export class SecretsModule {}
