import { Module } from '@nestjs/common';
import { DataClassesController, GroupsController, ZonesController } from './directory.controllers';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';
import { AuditModule } from '../audit/audit.module';

@Module({
  imports: [AuditModule], controllers: [ZonesController, GroupsController, DataClassesController], providers: [DirectoryService, DirectoryRepository], exports: [DirectoryService] })
export class DirectoryModule {}
