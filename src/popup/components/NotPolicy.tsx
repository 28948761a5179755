/** For pages that were not detected as a privacy policy. */
export interface NotPolicyProps {
  onAnalyse(): void;
  onFindPolicy(): void;
  /** Result of the last "find the policy link" attempt: undefined before, null when none. */
  policyLink: string | null | undefined;
}

export function NotPolicy({ onAnalyse, onFindPolicy, policyLink }: NotPolicyProps) {
  return (
    <section class="card" data-testid="not-policy">
      <h2>This page doesn’t look like a privacy policy</h2>
      <p class="muted">Fineprint left it untouched.</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onAnalyse} data-testid="analyse-anyway">
          Analyze this page anyway
        </button>
        <button type="button" onClick={onFindPolicy} data-testid="find-policy">
          Find this site’s privacy policy
        </button>
      </div>
      {policyLink === null && <p class="muted">No privacy policy link found on this page.</p>}
    </section>
  );
}
