import { describe, expect, it } from 'vitest';
import { checkPayload, checkSender, isChannel } from '../../../electron/main/ipc/validate';

const ours = new Set([7]);
describe('checkSender', () => {
  it('accepts our window main frame on app://bwc', () => {
    expect(checkSender({ webContentsId: 7, frameUrl: 'app://bwc/index.html', isMainFrame: true }, ours)).toBeNull();
  });
  it.each([
    [{ webContentsId: 8, frameUrl: 'app://bwc/index.html', isMainFrame: true }, 'unknown window'],
    [{ webContentsId: 7, frameUrl: 'app://bwc/index.html', isMainFrame: false }, 'sub-frames'],
    [{ webContentsId: 7, frameUrl: 'https://evil.example/', isMainFrame: true }, 'https://evil.example'],
    [{ webContentsId: 7, frameUrl: 'file:///etc/passwd', isMainFrame: true }, 'refused'],
    [{ webContentsId: 7, frameUrl: null, isMainFrame: true }, 'unknown page'],
    [{ webContentsId: 7, frameUrl: 'app://bwc.evil/x', isMainFrame: true }, 'refused'],
  ])('refuses %o', (sender, msg) => {
    const e = checkSender(sender, ours);
    expect(e?.code).toBe('forbidden');
    expect(e?.message).toContain(msg);
  });
});

describe('checkPayload', () => {
  it('knows the contract channels only', () => {
    expect(isChannel('app.info')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('fs.readFile')).toBe(false);
  });
  it('accepts a valid payload and applies defaults', () => {
    const r = checkPayload('users.register', { displayName: ' Sgt Jones ', role: 'reviewer' });
    expect(r).toEqual({ ok: true, value: { displayName: 'Sgt Jones', role: 'reviewer', officerIds: [] } });
  });
  it.each([
    [{ displayName: 42, role: 'reviewer' }, 'displayName'],
    [{ displayName: 'x', role: 'admin' }, 'role'],
    [{ displayName: 'x', role: 'reviewer', isAdmin: true }, 'payload'],
    [{ displayName: 'x'.repeat(100_000), role: 'reviewer' }, 'displayName'],
    [{ displayName: '   ', role: 'reviewer' }, 'display name is required'],
    ['not an object', 'payload'],
  ])('refuses %#, naming the field', (payload, where) => {
    const r = checkPayload('users.register', payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-input');
      expect(r.error.message).toContain(where);
    }
  });
  it('refuses extra fields on an empty payload', () => {
    expect(checkPayload('app.info', { sneaky: 1 }).ok).toBe(false);
  });
});
