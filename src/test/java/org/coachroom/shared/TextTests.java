package org.coachroom.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTests {

	@Test
	void cuttingNeverSplitsACharacterOutsideTheBasicPlane() {
		String name = "Ana " + "🍎".repeat(10);

		// "Ana " is 4 units and each apple 2: a cut at 7 falls inside the second apple
		assertThat(Text.cut(name, 7)).isEqualTo("Ana 🍎");
		assertThat(Text.cut(name, 8)).isEqualTo("Ana 🍎🍎");
		assertThat(Character.isHighSurrogate(Text.cut(name, 7).charAt(Text.cut(name, 7).length() - 1))).isFalse();
	}

	@Test
	void shortTextAndNullAreKeptAsTheyAre() {
		assertThat(Text.cut("Ana", 10)).isEqualTo("Ana");
		assertThat(Text.cut(null, 10)).isNull();
		assertThat(Text.cut("Ana María", 3)).isEqualTo("Ana");
	}

}
