/**
 * The popup: decides which view the current tab needs (policy summary, not a policy, off, paused,
 * unsupported) and wires user actions to the connector.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TabState, ContentStatusReply } from '../core/messages';
import type { Settings } from '../core/settings';
import { setSiteEnabled } from '../core/settings';
import type { PopupConnector } from './connector';
import { Header } from './components/Header';
import { RiskSummary } from './components/RiskSummary';
import { SensitiveData } from './components/SensitiveData';
import { ThirdParties } from './components/ThirdParties';
import { Categories } from './components/Categories';
import { Changes } from './components/Changes';
import { NotPolicy } from './components/NotPolicy';
import { Export } from './components/Export';

type Loaded = {
  tabId: number | null;
  settings: Settings;
  state: TabState | null;
  content: ContentStatusReply | null;
};

function samePage(a: string, b: string): boolean {
  return a.replace(/#.*$/, '') === b.replace(/#.*$/, '');
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname || null : null;
  } catch {
    return null;
  }
}

export function App({ connector }: { connector: PopupConnector }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [policyLink, setPolicyLink] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const tabId = await connector.tabId();
    const settings = await connector.readSettings();
    const stored = tabId === null ? null : await connector.tabState(tabId);
    const content = tabId === null ? null : await connector.contentStatus(tabId);
    // A state left from an earlier page of this tab is not about what the tab shows now.
    const state =
      stored && content && samePage(stored.url, content.url) ? stored : content ? null : stored;
    setData({ tabId, settings, state, content });
    return content;
  }, [connector]);

  useEffect(() => {
    load().catch((e: unknown) => setError(String(e)));
  }, [load]);

  // While the page is still being analysed (or its summary is being written), check again shortly.
  const pending =
    data?.content?.status === 'analysing' ||
    (data?.content?.status === 'policy' && !data.state?.report);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => void load(), 300);
    return () => clearTimeout(timer);
  }, [data, pending, load]);

  if (error) return <p class="card">Something went wrong: {error}</p>;
  if (!data) return <p class="card muted">Loading…</p>;

  const { tabId, settings, state, content } = data;
  const host = hostOf(state?.url ?? content?.url);
  const change = async (fn: (s: Settings) => Settings) => {
    const next = await connector.updateSettings(fn);
    setData((d) => (d ? { ...d, settings: next } : d));
    // The content script applies the change from storage; refresh our view of the tab after it.
    setTimeout(() => void load(), 150);
  };
  const jump = (paragraphId: string) => {
    if (tabId !== null) void connector.jumpTo(tabId, paragraphId);
  };

  const header = (
    <Header
      host={host}
      settings={settings}
      onSiteToggle={(on) => host && void change((s) => setSiteEnabled(s, host, on))}
      onPauseToggle={(paused) => void change((s) => ({ ...s, paused }))}
      onOptions={() => void connector.openOptions()}
    />
  );

  if (settings.paused) {
    return (
      <main>
        {header}
        <p class="card" data-testid="paused">
          Fineprint is paused on every site.
        </p>
      </main>
    );
  }
  if (host && settings.disabledSites.includes(host)) {
    return (
      <main>
        {header}
        <p class="card" data-testid="site-off">
          Fineprint is off for {host}. Turn it on above to analyse this site.
        </p>
      </main>
    );
  }
  if (state?.status === 'policy' && state.report && content?.status !== 'not-policy') {
    const report = state.report;
    return (
      <main>
        {header}
        {state.english === false && (
          <p class="card notice" data-testid="not-english">
            This policy does not appear to be in English. Fineprint’s model reads English, so it may
            miss clauses here: treat the summary as incomplete.
          </p>
        )}
        {state.changes && (
          <Changes
            changes={state.changes}
            onClearHistory={() => void connector.clearHistory().then(load)}
          />
        )}
        <RiskSummary report={report} onJump={jump} />
        <SensitiveData state={state} report={report} onJump={jump} />
        <ThirdParties state={state} report={report} onJump={jump} />
        <Categories
          state={state}
          report={report}
          settings={settings}
          onJump={jump}
          onToggle={(id, on) =>
            void change((s) => ({ ...s, enabledCategories: { ...s.enabledCategories, [id]: on } }))
          }
          onToggleSensitive={(on) => void change((s) => ({ ...s, showSensitive: on }))}
        />
        <Export report={report} download={connector.download} />
      </main>
    );
  }
  if (content === null || tabId === null) {
    return (
      <main>
        {header}
        <p class="card" data-testid="unsupported">
          Fineprint cannot read this page (browser pages, the extension store and PDF viewers are
          off limits).
        </p>
      </main>
    );
  }
  if (content.status === 'analysing' || content.status === 'policy') {
    return (
      <main>
        {header}
        <p class="card muted">Analysing…</p>
      </main>
    );
  }
  return (
    <main>
      {header}
      <NotPolicy
        policyLink={policyLink}
        onAnalyse={() => void connector.analyseAnyway(tabId).then(load)}
        onFindPolicy={async () => {
          const url = await connector.findPolicyLink(tabId);
          setPolicyLink(url);
          if (url) await connector.openTab(url);
        }}
      />
    </main>
  );
}
