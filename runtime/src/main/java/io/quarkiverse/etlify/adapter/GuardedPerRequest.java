package io.quarkiverse.etlify.adapter;

/**
 * Marks a {@link CrmAdapter} that runs each HTTP request it sends through {@link CrmRequestGuards}
 * itself, so that a call sending several requests (a batch split into chunks) takes one permit per
 * request, and a retry repeats one request rather than the whole call. Etlify then does not wrap it;
 * other adapters get one permit per call.
 */
public interface GuardedPerRequest {
}
