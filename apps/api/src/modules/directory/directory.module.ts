import { Module } from '@nestjs/common';
import { DataClassesController, GroupsController, ZonesController } from './directory.controllers';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';

@Module({ controllers: [ZonesController, GroupsController, DataClassesController], providers: [DirectoryService, DirectoryRepository], exports: [DirectoryService] })
export class DirectoryModule {}
