import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/progress-bar';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/** Per CRM and model: records, synced, stale, queued, failing, exhausted, last sync; refreshed every 5 s. */
export class QwcEtlifyStatus extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .bad { color: var(--lumo-error-text-color); font-weight: bold; }`;

    static properties = {
        _rows: { state: true },
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
        this.jsonRpc.getStatus()
            .then(response => { this._rows = response.result; this._error = null; })
            .catch(error => { this._error = error?.error?.message ?? String(error); });
    }

    render() {
        if (this._error) {
            return html`<p class="bad">Etlify's status cannot be read: ${this._error}</p>`;
        }
        if (!this._rows) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        return html`<vaadin-grid .items="${this._rows}" theme="no-border" all-rows-visible>
                <vaadin-grid-column auto-width header="CRM" path="crm"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Model" path="model"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Records" path="records"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Synced" path="synced"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Stale" path="stale"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Queued" path="queued"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Failing" ${columnBodyRenderer(row => this._count(row.failing), [])}></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Exhausted" ${columnBodyRenderer(row => this._count(row.exhausted), [])}></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Last synced" ${columnBodyRenderer(row => html`${row.lastSyncedAt ?? '—'}`, [])}></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _count(value) {
        return value > 0 ? html`<span class="bad">${value}</span>` : html`${value}`;
    }
}
customElements.define('qwc-etlify-status', QwcEtlifyStatus);
