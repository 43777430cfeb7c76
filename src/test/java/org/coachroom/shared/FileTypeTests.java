package org.coachroom.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.coachroom.testsupport.OfficeFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypeTests {

	@Test
	void aPdfAndImagesAreKnownByTheirFirstBytes() {
		assertThat(FileType.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
		assertThat(FileType.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })).contains(FileType.JPEG);
		assertThat(FileType.of("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains(FileType.GIF);
		assertThat(FileType.of("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileType.of(new byte[0])).isEmpty();
	}

	@Test
	void anOldBinaryWordDocumentIsKnownByItsCompoundFileAndItsWordStream() {
		byte[] doc = OfficeFiles.wordDocument();
		assertThat(FileType.of(doc)).contains(FileType.DOC);
		assertThat(FileType.DOC.mediaType()).isEqualTo("application/msword");
		assertThat(FileType.DOC.safeName("plan.doc")).isEqualTo("plan.doc");
		assertThat(FileType.DOC.safeName("plan")).isEqualTo("plan.doc");
	}

	@Test
	void anOle2FileThatIsNotWordOrOnlyLooksLikeOneIsNotADocument() {
		// an old Excel workbook is a compound file too, without a Word stream
		assertThat(FileType.of(OfficeFiles.excelWorkbook())).isEmpty();
		// the first bytes alone, or a cut file, are not a document
		byte[] doc = OfficeFiles.wordDocument();
		assertThat(FileType.of(Arrays.copyOf(doc, 8))).isEmpty();
		assertThat(FileType.of(Arrays.copyOf(doc, 1024))).isEmpty();
		// a directory chain that loops on itself ends
		byte[] looping = doc.clone();
		looping[512 + 4] = 1;
		looping[512 + 5] = 0;
		looping[512 + 6] = 0;
		looping[512 + 7] = 0;
		looping[1024 + 128 + 66] = 0;
		assertThat(FileType.of(looping)).isEmpty();
		assertThat(FileType.of("plain text saved as .doc".getBytes(StandardCharsets.US_ASCII))).isEmpty();
	}

	@Test
	void aZipBombIsRefusedWithoutBeingInflatedWhole() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 200; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(bytes.size()).isLessThan(1024 * 1024);
		assertThat(FileType.of(bytes.toByteArray())).isEmpty();
	}

	@Test
	void fileNamesLoseTheirPathsAndGetTheirKindsExtension() {
		assertThat(FileType.PDF.safeName("C:\\Users\\x\\notes.pdf")).isEqualTo("notes.pdf");
		assertThat(FileType.PDF.safeName("../../etc/passwd")).isEqualTo("passwd.pdf");
		assertThat(FileType.PNG.safeName(".htaccess")).isEqualTo("file.htaccess.png");
		assertThat(FileType.DOCX.safeName("a\r\nb\"c.docx")).isEqualTo("a__b_c.docx");
	}

}
