import type { ToolRequestOutput } from '@airlock/contracts';
import { iso } from '../../common/list-response';
import type { ToolRequest } from '../../generated/prisma/client';

export const toToolRequestOutput = (r: ToolRequest): ToolRequestOutput => ({
  id: r.id,
  toolName: r.toolName,
  url: r.url,
  providerId: r.providerId,
  reason: r.reason,
  status: r.status,
  resolutionNote: r.resolutionNote,
  requesterId: r.requesterId,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});
