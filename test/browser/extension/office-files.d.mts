/** Types of office-files.mjs for the TypeScript specs that build files with it. */
export function xlsx(rows: unknown[][]): Promise<Buffer>;
export function zip(entries: Record<string, string | Buffer>): Buffer;
export function docx(paragraphs: string[]): Buffer;
export function pdf(lines: string[]): Buffer;
export function pptx(slides: string[][], notes?: (string[] | null)[]): Buffer;
