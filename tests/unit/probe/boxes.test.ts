import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childBoxes, parseBoxHeader, walkBoxes } from '../../../electron/core/library/probe/boxes';
import { ProbeError } from '../../../electron/core/library/probe/probeError';
import { box, largeBox, u32, u64 } from './boxBuilder';

describe('parseBoxHeader', () => {
  it('reads a 32-bit size and type', () => {
    const b = box('free', Buffer.alloc(12));
    expect(parseBoxHeader(b, 0, 100, 1000)).toEqual({ type: 'free', start: 100, headerSize: 8, size: 20, uuid: null });
  });

  it('reads a 64-bit largesize (size field 1) beyond 32 bits', () => {
    const b = Buffer.concat([u32(1), Buffer.from('mdat'), u64(2 ** 33 + 5)]);
    expect(parseBoxHeader(b, 0, 0, 2 ** 34)).toMatchObject({ type: 'mdat', headerSize: 16, size: 2 ** 33 + 5 });
  });

  it('resolves size 0 to the end of the enclosing space', () => {
    const b = Buffer.concat([u32(0), Buffer.from('mdat')]);
    expect(parseBoxHeader(b, 0, 40, 5000)?.size).toBe(4960);
  });

  it('reads the extended type of a uuid box into the header', () => {
    const id = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
    const b = box('uuid', id, Buffer.alloc(3));
    expect(parseBoxHeader(b, 0, 0, b.length)).toMatchObject({ headerSize: 24, size: 27, uuid: id.toString('hex') });
  });

  it('reads the 0xA9 QuickTime prefix as ©', () => {
    expect(parseBoxHeader(box('©xyz'), 0, 0, 8)?.type).toBe('©xyz');
  });

  it('returns null while the header is incomplete, so the caller can read more', () => {
    expect(parseBoxHeader(Buffer.from([0, 0, 0]), 0, 0, 100)).toBeNull();
    expect(parseBoxHeader(Buffer.concat([u32(1), Buffer.from('mdat'), Buffer.alloc(4)]), 0, 0, 100)).toBeNull();
    expect(parseBoxHeader(Buffer.concat([u32(40), Buffer.from('uuid'), Buffer.alloc(8)]), 0, 0, 100)).toBeNull();
  });

  it('refuses sizes smaller than the header and 64-bit sizes no file can have', () => {
    expect(() => parseBoxHeader(Buffer.concat([u32(7), Buffer.from('free')]), 0, 0, 100)).toThrow(/size 7, smaller/);
    expect(() => parseBoxHeader(Buffer.concat([u32(1), Buffer.from('mdat'), u64(8)]), 0, 0, 100)).toThrow(ProbeError);
    expect(() => parseBoxHeader(Buffer.concat([u32(1), Buffer.from('mdat'), u64(2n ** 63n)]), 0, 0, 100)).toThrow(
      /impossible 64-bit size/,
    );
  });
});

describe('walkBoxes', () => {
  it('lists children end to end and ignores a 4-byte QuickTime terminator', () => {
    const parent = box('udta', box('©mak', 'ab'), largeBox('©mod', 'cd'), u32(0));
    const kids = childBoxes(parent, parseBoxHeader(parent, 0, 0, parent.length)!);
    expect(kids.map((k) => [k.type, k.start, k.size])).toEqual([
      ['©mak', 8, 10],
      ['©mod', 18, 18],
    ]);
  });

  it('names the child and its parent when a child overruns', () => {
    const bad = Buffer.concat([u32(500), Buffer.from('trak'), Buffer.alloc(8)]);
    expect(() => walkBoxes(bad, 0, bad.length, 'moov')).toThrow("box 'trak' inside 'moov' claims 500 bytes, only 16 remain");
  });

  it('reports a cut-off largesize header instead of reading past the parent', () => {
    const bad = Buffer.concat([u32(1), Buffer.from('mdat'), Buffer.alloc(4)]);
    expect(() => walkBoxes(bad, 0, bad.length, 'moov')).toThrow(/cut off/);
  });

  it('round-trips any sequence of boxes, whatever header form each uses (property)', () => {
    const spec = fc.record({
      type: fc.stringMatching(/^[a-z]{4}$/),
      length: fc.nat({ max: 64 }),
      form: fc.constantFrom('small', 'large', 'uuid'),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 12 }), fc.boolean(), (specs, lastToEnd) => {
        const built = specs.map((s) => {
          if (s.form === 'large') return largeBox(s.type, Buffer.alloc(s.length, 7));
          if (s.form === 'uuid') return box('uuid', Buffer.alloc(16, 1), Buffer.alloc(s.length, 7));
          return box(s.type, Buffer.alloc(s.length, 7));
        });
        const last = built.at(-1);
        if (lastToEnd && last && specs.at(-1)!.form === 'small') last.writeUInt32BE(0, 0);
        const all = Buffer.concat(built);
        const walked = walkBoxes(all, 0, all.length, 'test');
        let offset = 0;
        expect(walked).toHaveLength(built.length);
        walked.forEach((w, i) => {
          expect(w.start).toBe(offset);
          expect(w.size).toBe(built[i]!.length);
          expect(w.type).toBe(specs[i]!.form === 'uuid' ? 'uuid' : specs[i]!.type);
          offset += w.size;
        });
      }),
    );
  });

  it('never fails with anything but a ProbeError on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (raw) => {
        const b = Buffer.from(raw);
        try {
          for (const child of walkBoxes(b, 0, b.length, 'fuzz')) expect(child.start + child.size).toBeLessThanOrEqual(b.length);
        } catch (e) {
          expect(e).toBeInstanceOf(ProbeError);
        }
      }),
    );
  });
});
