import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { exposureChecks, nodeCheck, smtpCheck } from './doctor-checks';

describe('tend doctor checks', () => {
  it('needs Node 20.19 or later', () => {
    expect(nodeCheck('20.19.0').status).toBe('ok');
    expect(nodeCheck('22.1.0').status).toBe('ok');
    expect(nodeCheck('20.18.3')).toEqual({
      name: 'node',
      status: 'fail',
      detail: 'Node 20.18.3; Tend needs 20.19 or later',
    });
  });

  it('warns about a plain-http public address off loopback and open sign-up, and nothing on loopback', () => {
    expect(
      exposureChecks({ host: '127.0.0.1', publicUrl: 'http://localhost:3000', signupOpen: false }),
    ).toEqual([]);
    expect(exposureChecks({ host: '0.0.0.0', publicUrl: 'https://tend.example', signupOpen: false })).toEqual(
      [],
    );
    const names = exposureChecks({ host: '0.0.0.0', publicUrl: 'http://tend.example', signupOpen: true }).map(
      (c) => `${c.status} ${c.name}`,
    );
    expect(names).toEqual(['warn tls', 'warn sign-up']);
  });

  it('says whether the SMTP server answers, and warns when none is set', async () => {
    expect((await smtpCheck(undefined)).status).toBe('warn');
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(await smtpCheck(`smtp://u:p@127.0.0.1:${port}`)).toMatchObject({ status: 'ok' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const refused = await smtpCheck(`smtp://127.0.0.1:${port}`);
    expect(refused.status).toBe('fail');
    expect(refused.detail).toContain('ECONNREFUSED');
  });
});
