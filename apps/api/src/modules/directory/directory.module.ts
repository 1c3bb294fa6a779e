import { Module } from '@nestjs/common';
import { DataClassesController, GroupsController, ZonesController } from './directory.controllers';
import { DirectoryService } from './directory.service';

@Module({ controllers: [ZonesController, GroupsController, DataClassesController], providers: [DirectoryService], exports: [DirectoryService] })
export class DirectoryModule {}
