package org.fengqiao.laws.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.access.Actor;
import org.fengqiao.laws.LawFileRefused;
import org.fengqiao.laws.LawFiles;
import org.fengqiao.laws.LawFormatException;
import org.fengqiao.laws.LawLibrary;
import org.fengqiao.laws.LawText;
import org.fengqiao.platform.ProblemException;

/** Reads uploaded law files (all of them before anything is written) and imports them in one transaction. */
@Component
class LawUploads {

    static final int MAX_FILES = 50;

    private final LawLibrary library;

    LawUploads(LawLibrary library) {
        this.library = library;
    }

    LawLibrary.ImportReport importFiles(List<MultipartFile> files, Actor actor) throws IOException {
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.isEmpty()) {
            throw new ProblemException.InvalidInput("files", "laws.import.empty");
        }
        if (given.size() > MAX_FILES) {
            throw new ProblemException.InvalidInput("files", "laws.import.tooMany", MAX_FILES);
        }
        List<LawText> laws = new ArrayList<>();
        for (MultipartFile file : given) {
            String name = fileName(file.getOriginalFilename());
            try {
                if (file.getSize() > LawFiles.MAX_BYTES) {
                    throw new LawFormatException(name, 0, "laws.format.tooLarge", LawFiles.MAX_BYTES / 1024 / 1024);
                }
                laws.add(LawFiles.parse(name, file.getBytes()));
            } catch (LawFormatException e) {
                throw new LawFileRefused(e);
            }
        }
        return library.importLaws(laws, actor.userId());
    }

    /** The name of an uploaded file without any folder a browser sent with it, at most 120 characters. */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "?";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
