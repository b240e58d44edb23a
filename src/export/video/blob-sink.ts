/**
 * Where the muxer's output goes: positioned writes (the container patches its header at the end)
 * collected as Blob parts, which the browser may keep on disk, so a long video never sits in one
 * growing ArrayBuffer. Each write is copied at once (the muxer reuses its buffers).
 */
export class BlobSink {
  private parts: Blob[] = [];
  private size = 0;

  write(position: number, data: Uint8Array<ArrayBuffer>): void {
    const piece = new Blob([data]);
    if (position === this.size) {
      this.parts.push(piece);
      this.size += data.byteLength;
      return;
    }
    // A write before the end (a patch) or past it (a gap): rebuild around it; Blob slices are
    // views, no copies.
    const whole = new Blob(this.parts);
    const end = position + data.byteLength;
    this.parts = [
      whole.slice(0, Math.min(position, this.size)),
      ...(position > this.size ? [new Blob([new Uint8Array(position - this.size)])] : []),
      piece,
      whole.slice(end),
    ];
    this.size = Math.max(this.size, end);
  }

  get byteLength(): number {
    return this.size;
  }

  blob(type: string): Blob {
    return new Blob(this.parts, { type });
  }

  /** Drops everything written (a cancelled video). */
  discard(): void {
    this.parts = [];
    this.size = 0;
  }
}
