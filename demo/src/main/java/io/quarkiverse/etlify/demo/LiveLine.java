package io.quarkiverse.etlify.demo;

import java.io.PrintStream;
import java.time.Duration;

/**
 * One line of changing figures: rewritten in place on a terminal, and printed at most once per interval otherwise
 * (a log file or a test reading the output), so the figures never become a wall of lines.
 */
final class LiveLine {

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastPrinted;
    private int shownLength;

    LiveLine(PrintStream out, boolean terminal, Duration interval) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = interval.toNanos();
        this.lastPrinted = System.nanoTime();
    }

    /** A live line for the standard output, rewritten in place when it is a terminal. */
    static LiveLine onStandardOutput(Duration interval) {
        return new LiveLine(System.out, System.console() != null, interval);
    }

    /** Shows the figures now on a terminal, otherwise when the interval has passed since the last line printed. */
    synchronized void update(String text) {
        if (terminal) {
            out.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
            out.flush();
            shownLength = text.length();
        } else if (System.nanoTime() - lastPrinted >= intervalNanos) {
            out.println(text);
            lastPrinted = System.nanoTime();
        }
    }

    /** Shows the final figures and ends the line. */
    synchronized void finish(String text) {
        if (terminal) {
            update(text);
            out.println();
            shownLength = 0;
        } else {
            out.println(text);
        }
    }
}
