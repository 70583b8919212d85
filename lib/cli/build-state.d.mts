/** True when .next/BUILD_ID is newer than every source file. */
export function buildIsCurrent(root: string): boolean;
