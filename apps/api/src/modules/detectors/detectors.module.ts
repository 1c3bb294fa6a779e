import { Module } from '@nestjs/common';
import { DetectorsController } from './detectors.controller';
import { DetectorsRepository } from './detectors.repository';
import { DetectorsService } from './detectors.service';
import { AuditModule } from '../audit/audit.module';

@Module({
  imports: [AuditModule], controllers: [DetectorsController], providers: [DetectorsService, DetectorsRepository] })
export class DetectorsModule {}
