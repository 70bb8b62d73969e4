package io.quarkiverse.etlify.runtime.stale;

/** A mapping whose dependencies the stale finder cannot read in SQL; the message says why and what to change. */
class UnsupportedMappingException extends IllegalStateException {

    UnsupportedMappingException(String message) {
        super(message);
    }
}
