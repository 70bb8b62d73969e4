import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/progress-bar';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/** Etlify's CRMs: adapter, enabled, state (and why), rate limit, queue depth; refreshed every 5 s. */
export class QwcEtlifyCrms extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .down { color: var(--lumo-error-text-color); }
        .ok { color: var(--lumo-success-text-color); }`;

    static properties = {
        _crms: { state: true },
        _error: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._load();
        this._timer = setInterval(() => this._load(), 5000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _load() {
        this.jsonRpc.getCrms()
            .then(response => { this._crms = response.result; this._error = null; })
            .catch(error => { this._error = error?.error?.message ?? String(error); });
    }

    render() {
        if (this._error) {
            return html`<p class="down">Etlify's CRMs cannot be read: ${this._error}</p>`;
        }
        if (!this._crms) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        return html`<vaadin-grid .items="${this._crms}" theme="no-border" all-rows-visible>
                <vaadin-grid-column auto-width header="CRM" path="name"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Adapter" path="adapter"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Enabled" path="enabled"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="State" ${columnBodyRenderer(this._state, [])}></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Rate limit" ${columnBodyRenderer(this._rateLimit, [])}></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Queued" path="queueDepth"></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _state(crm) {
        const state = crm.state;
        const ok = state.condition === 'OK' || state.condition === 'DISABLED';
        const until = state.until ? ` until ${state.until}` : '';
        const reason = state.reason ? ` (${state.reason})` : '';
        return html`<span class="${ok ? 'ok' : 'down'}">${state.condition.toLowerCase()}${until}${reason}</span>`;
    }

    _rateLimit(crm) {
        const limit = crm.rateLimit;
        return limit.maxRequests == null ? html`none`
            : html`${limit.maxRequests} per ${limit.period}${limit.shared ? ', shared' : ''}`;
    }
}
customElements.define('qwc-etlify-crms', QwcEtlifyCrms);
