// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageWatcher } from '../../../src/content/watch';

const NEW_TEXT = 'You can access, correct or delete your personal data at any time in settings.';

function setup(known: string[]) {
  document.body.replaceChildren();
  const annotated = document.createElement('p');
  annotated.textContent = known[0] ?? '';
  document.body.append(annotated);
  const calls = { settled: 0, looks: 0 };
  const watcher = new PageWatcher(document, {
    onUrlChange: () => undefined,
    onSettled: () => calls.settled++,
    hasNewText: (added) => {
      calls.looks++;
      return added.some((el) => !known.includes(el.textContent ?? ''));
    },
  });
  watcher.watchAnnotated([annotated]);
  return { watcher, calls };
}

function add(text: string, tag = 'p'): Element {
  const el = document.createElement(tag);
  el.textContent = text;
  document.body.append(el);
  return el;
}

/** Lets the observer deliver its records, then the settle timer run. */
async function settle() {
  await Promise.resolve();
  vi.advanceTimersByTime(600);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('PageWatcher on an annotated policy', () => {
  it('asks for another look when the page adds text nobody analysed', async () => {
    const { watcher, calls } = setup(['We collect your email address when you sign up.']);
    add(NEW_TEXT);
    await settle();
    expect(calls).toEqual({ settled: 1, looks: 1 });
    watcher.stop();
  });

  it('does not when the page re-renders what was analysed, or adds a few words', async () => {
    const known = 'We collect your email address when you sign up.';
    const { watcher, calls } = setup([known]);
    add(known);
    await settle();
    add('12:04');
    await settle();
    expect(calls).toEqual({ settled: 0, looks: 1 });
    watcher.stop();
  });

  it('ignores our own marks and the changes we discard', async () => {
    const { watcher, calls } = setup(['We collect your email address when you sign up.']);
    add(NEW_TEXT, 'fp-mark');
    await settle();
    add(NEW_TEXT);
    watcher.discardOwnChanges();
    await settle();
    expect(calls).toEqual({ settled: 0, looks: 0 });
    watcher.stop();
  });
});
