package org.fengqiao.crypto;

/** The data key is missing or does not match the database: the platform does not start. */
public final class DataKeyException extends RuntimeException {

    public DataKeyException(String message) {
        super(message);
    }
}
