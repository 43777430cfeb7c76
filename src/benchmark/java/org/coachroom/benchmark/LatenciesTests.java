package org.coachroom.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks' percentiles, as HdrHistogram reads them back (three significant
 * digits).
 */
class LatenciesTests {

	@Test
	void percentilesOfOneToAHundredMilliseconds() {
		Latencies latencies = Latencies.of(LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000));

		assertThat(latencies.count()).isEqualTo(100);
		assertThat(latencies.ms(50)).isCloseTo(50, within(0.1));
		assertThat(latencies.ms(95)).isCloseTo(95, within(0.1));
		assertThat(latencies.ms(99)).isCloseTo(99, within(0.1));
		assertThat(latencies.maxMs()).isCloseTo(100, within(0.1));
	}

	@Test
	void nothingRecordedIsNotANumber() {
		assertThat(Latencies.of(LongStream.empty()).ms(50)).isNaN();
	}

}
