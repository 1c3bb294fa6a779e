import { Module } from '@nestjs/common';
import { DetectorsController } from './detectors.controller';
import { DetectorsService } from './detectors.service';

@Module({ controllers: [DetectorsController], providers: [DetectorsService] })
export class DetectorsModule {}
