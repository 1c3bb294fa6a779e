/**
 * @airlock/discovery: shadow-AI discovery from the logs an organization already has. Pure
 * TypeScript (its only import is the policy engine's host matching): bytes in, per-day figures of
 * AI hosts out. Nothing here keeps or returns a log line.
 */
export * from './types';
export { MAX_LINE_BYTES, LineSplitter, own } from './lines';
export { createParser, detectFormat, type Detection } from './detect';
export { parseKnownAiServices, type KnownAiService, type KnownAiServiceList } from './known-services';
export { HostMatcher, hostOf, type CatalogEntry, type HostMatch } from './match';
export { DiscoveryPipeline, FormatNotDetected, type BadLineSample, type DiscoveryCell, type DiscoveryHooks, type ImportStats, type PipelineOptions } from './aggregate';
export { zscalerTimeToMs } from './parsers/zscaler';
export { bundleWatchHosts, policyWatchesUnknownAi, unknownAiHosts } from './watch-hosts';
