package io.quarkiverse.etlify.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record of the application while open, whatever its category and level, as the lines a
 * log file would get: the formatted message, then the exception's stack trace if any.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One captured record. */
    public record Line(String category, Level level, String text) {
    }

    private final Logger root = Logger.getLogger("");
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text = text + "\n" + trace;
        }
        lines.add(new Line(record.getLoggerName(), record.getLevel(), text));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
