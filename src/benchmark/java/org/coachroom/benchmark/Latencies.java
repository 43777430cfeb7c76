package org.coachroom.benchmark;

import java.util.stream.LongStream;

import org.HdrHistogram.Histogram;

/**
 * Request latencies, recorded in nanoseconds in an HdrHistogram (three significant
 * digits, growing to whatever the slowest request took) and read back as percentiles in
 * milliseconds.
 */
final class Latencies {

	private final Histogram histogram = new Histogram(3);

	static Latencies of(LongStream nanos) {
		Latencies latencies = new Latencies();
		nanos.forEach(latencies::record);
		return latencies;
	}

	void record(long nanos) {
		histogram.recordValue(nanos);
	}

	long count() {
		return histogram.getTotalCount();
	}

	/**
	 * The value at this percentile (0 to 100) in milliseconds; NaN when nothing was
	 * recorded.
	 */
	double ms(double percentile) {
		return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
	}

	double maxMs() {
		return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
	}

}
