import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

/** The installation's generated secrets (`InstanceSecret`), shared by every instance; not per organization. */
@Injectable()
export class SecretsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The secret's value: `generated` if none was stored yet, else the one that was (the first instance to store wins). */
  async getOrCreate(name: string, generated: string): Promise<string> {
    await this.prisma.instanceSecret.upsert({ where: { name }, create: { name, value: generated }, update: {} });
    const row = await this.prisma.instanceSecret.findUniqueOrThrow({ where: { name } });
    return row.value;
  }
}
