package org.coachroom.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads just enough of an OLE2 compound file (the container of binary Word, Excel and
 * PowerPoint files) to tell which it is: the names of the streams in its directory. A
 * binary Word document holds a stream named {@code WordDocument}; an old Excel workbook a
 * {@code Workbook}, a presentation a {@code PowerPoint Document}. Every offset is checked
 * and every chain is bounded, so a malformed file is simply not recognised.
 */
final class CompoundFile {

	/** FAT values at or above this are not sector numbers (end of chain, free, ...). */
	private static final long MAX_REGULAR_SECTOR = 0xFFFFFFFAL;

	private static final int HEADER_DIFAT_ENTRIES = 109;

	private static final int DIRECTORY_ENTRY_BYTES = 128;

	private static final int STREAM = 2;

	private CompoundFile() {
	}

	static boolean holdsStream(byte[] content, String streamName) {
		if (content.length < 512 || u16(content, 0x1C) != 0xFFFE) {
			return false;
		}
		int shift = u16(content, 0x1E);
		if (shift != 9 && shift != 12) {
			return false;
		}
		int sectorSize = 1 << shift;
		int perSector = sectorSize / 4;
		long maxSectors = content.length / sectorSize + 1;
		List<Long> fatSectors = fatSectors(content, sectorSize, maxSectors);
		byte[] wanted = streamName.getBytes(StandardCharsets.UTF_16LE);
		long sector = u32(content, 0x30);
		for (long visited = 0; sector < MAX_REGULAR_SECTOR && visited < maxSectors; visited++) {
			long offset = (sector + 1) * sectorSize;
			if (offset + sectorSize > content.length) {
				return false;
			}
			for (int entry = 0; entry < sectorSize; entry += DIRECTORY_ENTRY_BYTES) {
				if (named(content, (int) offset + entry, wanted)) {
					return true;
				}
			}
			sector = next(content, fatSectors, sectorSize, perSector, sector);
		}
		return false;
	}

	/** A stream entry with exactly this name (UTF-16, then its terminating zero). */
	private static boolean named(byte[] content, int entry, byte[] wanted) {
		int nameBytes = u16(content, entry + 64);
		if ((content[entry + 66] & 0xFF) != STREAM || nameBytes != wanted.length + 2) {
			return false;
		}
		for (int i = 0; i < wanted.length; i++) {
			if (content[entry + i] != wanted[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The sectors holding the allocation table: up to 109 listed in the header, the rest
	 * in a chain of DIFAT sectors.
	 */
	private static List<Long> fatSectors(byte[] content, int sectorSize, long maxSectors) {
		long count = Math.min(u32(content, 0x2C), maxSectors);
		List<Long> sectors = new ArrayList<>();
		for (int i = 0; i < HEADER_DIFAT_ENTRIES && sectors.size() < count; i++) {
			sectors.add(u32(content, 0x4C + 4 * i));
		}
		long difat = u32(content, 0x44);
		for (long visited = 0; difat < MAX_REGULAR_SECTOR && sectors.size() < count
				&& visited < maxSectors; visited++) {
			long offset = (difat + 1) * sectorSize;
			if (offset + sectorSize > content.length) {
				break;
			}
			for (int i = 0; i < sectorSize / 4 - 1 && sectors.size() < count; i++) {
				sectors.add(u32(content, (int) offset + 4 * i));
			}
			difat = u32(content, (int) offset + sectorSize - 4);
		}
		return sectors;
	}

	/** The sector after this one in its chain, or end of chain when it cannot be read. */
	private static long next(byte[] content, List<Long> fatSectors, int sectorSize, int perSector, long sector) {
		long index = sector / perSector;
		if (index >= fatSectors.size() || fatSectors.get((int) index) >= MAX_REGULAR_SECTOR) {
			return MAX_REGULAR_SECTOR;
		}
		long offset = (fatSectors.get((int) index) + 1) * sectorSize + (sector % perSector) * 4;
		return offset + 4 > content.length ? MAX_REGULAR_SECTOR : u32(content, (int) offset);
	}

	private static int u16(byte[] b, int at) {
		return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
	}

	private static long u32(byte[] b, int at) {
		return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
	}

}
