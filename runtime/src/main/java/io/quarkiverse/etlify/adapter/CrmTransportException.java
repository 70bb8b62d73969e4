package io.quarkiverse.etlify.adapter;

/** The CRM could not be reached or did not answer in time (I/O error, timeout). */
public class CrmTransportException extends CrmException {

    public CrmTransportException(String message, Throwable cause) {
        super(message, 0, null, null, null, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
