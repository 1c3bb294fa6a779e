import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoNestLogger, resolveLogFormat } from './logger';

describe('log format', () => {
  test('auto is readable lines on a terminal and JSON anywhere else', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });

  test("Nest's per-module and per-route start-up lines are debug, everything else keeps its level", () => {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
        done();
      },
    });
    const nest = new PinoNestLogger(pino({ level: 'info' }, sink));
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('Mapped {/api/rules, GET} route', 'RouterExplorer');
    nest.log('RulesController {/api/rules}:', 'RoutesResolver');
    nest.log('Policy version 3 installed', 'PolicyRuntime');
    nest.warn('Slow query', 'Database');
    expect(lines.map((l) => l.msg)).toEqual(['Policy version 3 installed', 'Slow query']);
  });
});
