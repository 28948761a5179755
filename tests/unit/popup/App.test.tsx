// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../../src/popup/App';
import { fakeConnector, policyState } from './fake-connector';

let root: HTMLElement;

async function mount(connector: Parameters<typeof App>[0]['connector']) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<App connector={connector} />, root);
  });
  // Let the async load settle.
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const byTestId = (id: string) => root.querySelector(`[data-testid="${id}"]`);

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup on a policy', () => {
  it('shows the risk level, its reasons with clauses, sensitive types, third parties and counts', async () => {
    const { connector } = fakeConnector({ state: policyState() });
    await mount(connector);
    expect(byTestId('risk-level')?.textContent).toMatch(/risk|judge/i);
    expect(byTestId('flagged-count')?.textContent).toBe('2');
    const sensitive = byTestId('sensitive-list')!;
    expect(sensitive.querySelector('[data-label="location"]')?.textContent).toContain('1');
    expect(sensitive.querySelector('[data-label="device-identifiers"]')).not.toBeNull();
    expect(byTestId('third-parties')?.textContent).toContain('AppsFlyer');
    expect(root.querySelector('#count-user-access')?.textContent).toBe('1');
    expect(root.querySelector('#count-do-not-track')?.textContent).toBe('0');
  });

  it('jumps to a clause from a category list', async () => {
    const { connector } = fakeConnector({ state: policyState() });
    await mount(connector);
    const row = byTestId('categories')!.querySelector('[data-label="data-retention"]')!;
    const jump = [...row.querySelectorAll('button')].find(
      (b) => b.textContent === 'Jump to clause',
    )!;
    await act(async () => jump.click());
    expect(connector.jumpTo).toHaveBeenCalledWith(7, 'p4');
  });

  it('persists a category toggle through the connector', async () => {
    const { connector, settings } = fakeConnector({ state: policyState() });
    await mount(connector);
    const toggle = byTestId('toggle-user-choice') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await act(async () => toggle.click());
    expect(settings().enabledCategories['user-choice']).toBe(true);
  });

  it('turns the site off with the per-site switch', async () => {
    const { connector, settings } = fakeConnector({ state: policyState() });
    await mount(connector);
    await act(async () => (byTestId('site-toggle') as HTMLInputElement).click());
    expect(settings().disabledSites).toEqual(['example.com']);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(byTestId('site-off')).not.toBeNull();
  });

  it('exports Markdown and JSON', async () => {
    const { connector } = fakeConnector({ state: policyState() });
    await mount(connector);
    await act(async () => (byTestId('export-md') as HTMLButtonElement).click());
    await act(async () => (byTestId('export-json') as HTMLButtonElement).click());
    const [md, json] = connector.download.mock.calls;
    expect(md?.[0]).toBe('fineprint-example.com-2026-11-01.md');
    expect(String(md?.[2])).toContain('AppsFlyer');
    expect(JSON.parse(String(json?.[2])).url).toBe('https://example.com/privacy');
  });
});

describe('popup edge cases', () => {
  it('says when the policy is not in English', async () => {
    const { connector } = fakeConnector({ state: { ...policyState(), english: false } });
    await mount(connector);
    expect(byTestId('not-english')).not.toBeNull();
  });

  it('ignores a summary left from an earlier page of the same tab', async () => {
    const { connector } = fakeConnector({
      state: policyState(),
      content: { status: 'not-policy', detection: null, url: 'https://example.com/shop' },
    });
    await mount(connector);
    expect(byTestId('risk-level')).toBeNull();
    expect(byTestId('not-policy')).not.toBeNull();
  });

  it('shows the paused state and resumes', async () => {
    const { connector, settings } = fakeConnector({ state: policyState() });
    await mount(connector);
    await act(async () => (byTestId('pause-toggle') as HTMLInputElement).click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(settings().paused).toBe(true);
    expect(byTestId('paused')).not.toBeNull();
  });
});

describe('popup elsewhere', () => {
  it('offers analysis and the policy link on a page that is not a policy', async () => {
    const { connector } = fakeConnector({
      state: null,
      content: { status: 'not-policy', detection: null, url: 'https://example.com/blog' },
    });
    await mount(connector);
    expect(byTestId('not-policy')).not.toBeNull();
    await act(async () => (byTestId('analyse-anyway') as HTMLButtonElement).click());
    expect(connector.analyseAnyway).toHaveBeenCalledWith(7);
    await act(async () => (byTestId('find-policy') as HTMLButtonElement).click());
    expect(connector.openTab).toHaveBeenCalledWith('https://example.com/privacy');
  });

  it('explains pages the extension cannot read', async () => {
    const { connector } = fakeConnector({ state: null, content: null });
    await mount(connector);
    expect(byTestId('unsupported')).not.toBeNull();
  });
});
