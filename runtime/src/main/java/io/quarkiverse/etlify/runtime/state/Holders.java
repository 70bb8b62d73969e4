package io.quarkiverse.etlify.runtime.state;

import java.net.InetAddress;
import java.util.UUID;

/**
 * Names of who holds a claim on sync rows or a lease: this instance (host name and a random suffix,
 * so that on-call people can tell instances apart) and, per holder, a unique suffix.
 */
public final class Holders {

    /** This instance of the application. */
    public static final String INSTANCE = instanceName();

    private Holders() {
    }

    /** A new holder name, unique to one worker, call or run of this instance. */
    public static String unique(String purpose) {
        return INSTANCE + "/" + purpose + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        if (host.length() > 64) {
            host = host.substring(0, 64);
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
