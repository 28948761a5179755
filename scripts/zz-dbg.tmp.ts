import { launchWithExtension } from '../tests/harness/extension';
import { startFixtureServer } from '../tests/harness/server';
const server = await startFixtureServer();
const s = await launchWithExtension();
const page = await s.context.newPage();
const cdp = await s.context.newCDPSession(page);
const { targetInfos } = await cdp.send('Target.getTargets');
console.log(targetInfos.map((t) => [t.type, t.url]));
const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
try {
  const r = await cdp.send('Target.attachToTarget', { targetId: sw!.targetId, flatten: false });
  console.log('attached', r);
  cdp.on('Target.receivedMessageFromTarget', (e) => console.log('MSG', e.message.slice(0, 200)));
  await cdp.send('Target.sendMessageToTarget', { sessionId: r.sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }) });
  await s.worker().then((w) => w.evaluate(() => fetch('http://127.0.0.1:9/x').catch(() => 0)));
  await page.waitForTimeout(1000);
} catch (e) { console.log('ERR', String(e)); }
await s.close(); await server.close();
