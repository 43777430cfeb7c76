package org.coachroom.testsupport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Real, minimal binary Office files for upload tests: an OLE2 compound file of three
 * 512-byte sectors (header, allocation table, directory) whose directory holds the root
 * and one empty stream, as Word 97-2003 ({@code WordDocument}) or Excel 97-2003
 * ({@code Workbook}) writes it.
 */
public final class OfficeFiles {

	private static final int SECTOR = 512;

	private static final int FREE = 0xFFFFFFFF;

	private static final int END_OF_CHAIN = 0xFFFFFFFE;

	private static final int FAT_SECTOR = 0xFFFFFFFD;

	private OfficeFiles() {
	}

	/** A binary Word document (.doc). */
	public static byte[] wordDocument() {
		return compoundFile("WordDocument");
	}

	/** An old binary Excel workbook (.xls): OLE2 too, but not Word. */
	public static byte[] excelWorkbook() {
		return compoundFile("Workbook");
	}

	public static byte[] compoundFile(String stream) {
		ByteBuffer file = ByteBuffer.allocate(3 * SECTOR).order(ByteOrder.LITTLE_ENDIAN);
		file.put(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 });
		file.putShort(0x18, (short) 0x3E); // minor version
		file.putShort(0x1A, (short) 3); // major version 3: 512-byte sectors
		file.putShort(0x1C, (short) 0xFFFE); // little-endian
		file.putShort(0x1E, (short) 9); // sector size 2^9
		file.putShort(0x20, (short) 6); // mini sector size 2^6
		file.putInt(0x2C, 1); // one allocation table sector
		file.putInt(0x30, 1); // the directory starts at sector 1
		file.putInt(0x38, 4096); // mini stream cutoff
		file.putInt(0x3C, END_OF_CHAIN); // no mini allocation table
		file.putInt(0x44, END_OF_CHAIN); // no DIFAT sectors
		file.putInt(0x4C, 0); // the allocation table is sector 0
		for (int i = 1; i < 109; i++) {
			file.putInt(0x4C + 4 * i, FREE);
		}
		// sector 0: the allocation table
		int fat = SECTOR;
		file.putInt(fat, FAT_SECTOR);
		file.putInt(fat + 4, END_OF_CHAIN);
		for (int i = 2; i < SECTOR / 4; i++) {
			file.putInt(fat + 4 * i, FREE);
		}
		// sector 1: the directory
		int directory = 2 * SECTOR;
		entry(file, directory, "Root Entry", 5, 1);
		entry(file, directory + 128, stream, 2, FREE);
		for (int i = 2; i < 4; i++) {
			int at = directory + 128 * i;
			file.putInt(at + 68, FREE);
			file.putInt(at + 72, FREE);
			file.putInt(at + 76, FREE);
		}
		return file.array();
	}

	private static void entry(ByteBuffer file, int at, String name, int type, int child) {
		byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
		file.put(at, utf16);
		file.putShort(at + 64, (short) (utf16.length + 2));
		file.put(at + 66, (byte) type);
		file.put(at + 67, (byte) 1); // black
		file.putInt(at + 68, FREE); // left sibling
		file.putInt(at + 72, FREE); // right sibling
		file.putInt(at + 76, child);
		file.putInt(at + 116, END_OF_CHAIN); // starting sector: none, it is empty
		file.putInt(at + 120, 0); // size
	}

}
