package org.budgetnarrator.model.reading;

/**
 * A file that cannot be read at all: empty, without a text layer (a scanned PDF), or not a PDF or text file. The message
 * names the file and says what is wrong, in Chinese for the officer; nothing is stored from it.
 */
public class ReadException extends RuntimeException {

    private final String file;

    public ReadException(String file, String message) {
        super(file + "：" + message);
        this.file = file;
    }

    public ReadException(String file, String message, Throwable cause) {
        super(file + "：" + message, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
