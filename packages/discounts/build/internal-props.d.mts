export const INTERNAL_PROPS: RegExp;
export function isEngineFile(id: string): boolean;
export function engineMangleOptions(): { mangleProps: RegExp; mangleQuoted: true; mangleCache: Record<string, string | false> };
export function newInternalNames(mangleCache: Record<string, string | false> | undefined): string[];
