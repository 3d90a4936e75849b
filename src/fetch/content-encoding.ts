/**
 * Decoders for a response's Content-Encoding: gzip, deflate (zlib-wrapped, as the standard says,
 * or raw, as some servers send it) and Brotli, in the reverse of the order they were applied.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw, type Inflate, type InflateRaw } from 'node:zlib';

/** "deflate" as sent: a zlib stream, or raw DEFLATE, told apart by the zlib header's checksum. */
class DeflateDecoder extends Transform {
  private inner: Inflate | InflateRaw | null = null;

  private start(first: Buffer): Inflate | InflateRaw {
    const zlibHeader = first.length >= 2 && (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0;
    const inner = zlibHeader ? createInflate() : createInflateRaw();
    inner.on('data', (chunk: Buffer) => this.push(chunk));
    inner.on('error', (error) => this.destroy(error));
    return inner;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.inner ??= this.start(chunk);
    if (this.inner.write(chunk)) done();
    else this.inner.once('drain', done);
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(error);
  }
}

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: () => new DeflateDecoder(),
  br: createBrotliDecompress,
};

/**
 * The decoders for a Content-Encoding header value, outermost first (`gzip, br` was gzipped
 * last, so it is gunzipped first); [] for none or identity; null for an encoding not supported.
 */
export function decoderChain(contentEncoding: string | null): Transform[] | null {
  const codings = (contentEncoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  const decoders: Transform[] = [];
  for (const coding of codings.reverse()) {
    const make = DECODERS[coding];
    if (!make) return null;
    decoders.push(make());
  }
  return decoders;
}
