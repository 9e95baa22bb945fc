// Kernel release strings ("6.18.44-fc-v595") compared against a feature's first version.

/** [major, minor] of a kernel release, or undefined when it does not start with "N.N". */
export function kernelVersion(release: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(release.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** True when the release is major.minor or later; false when older or unparseable. */
export function kernelAtLeast(release: string, major: number, minor: number): boolean {
  const v = kernelVersion(release);
  if (!v) return false;
  return v[0] > major || (v[0] === major && v[1] >= minor);
}
