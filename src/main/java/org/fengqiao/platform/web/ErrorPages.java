package org.fengqiao.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import org.fengqiao.platform.ErrorFormat;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.platform.Refusals;

/**
 * Answers whatever ends at the servlet container's error page — a method or media type no controller takes, a
 * path the security firewall rejects, a refusal of {@link Refusals}, an error no handler caught — in the same
 * form as every other refusal: an RFC 9457 problem detail for the API, the platform's problem page otherwise, or
 * the address's own {@link ErrorFormat} (Open311's).
 * Never Spring's or Tomcat's default page, never the exception or the value sent.
 */
@Controller
class ErrorPages implements ErrorController {

    static final String VIEW = "error/problem";
    /** Statuses with a title of their own in the bundles; others are shown as 400 or 500. */
    private static final Set<Integer> TITLED = Set.of(400, 401, 403, 404, 405, 406, 408, 409, 411, 413, 414, 415, 429,
            431, 500, 501, 503, 505);

    private final ProblemMessages problems;
    private final List<ErrorFormat> formats;

    ErrorPages(ProblemMessages problems, List<ErrorFormat> formats) {
        this.problems = problems;
        this.formats = formats;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        // visited directly, /error is just an address that shows nothing
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 404;
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (thrown instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            status = 413;
        } else if (thrown instanceof org.springframework.web.multipart.MultipartException || isUploadFailure(thrown)) {
            // a body that is not the multipart upload the address expects, found before any controller ran
            status = 400;
            request.setAttribute(Refusals.MESSAGE, problems.text("input.multipart.expected"));
        }
        if (status < 400) {
            status = 500;
        }
        int shown = TITLED.contains(status) ? status : status < 500 ? 400 : 500;
        String message = request.getAttribute(Refusals.MESSAGE) instanceof String m ? m
                : problems.text("input.status." + shown);
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u
                : request.getRequestURI();
        ErrorFormat format = ErrorFormat.of(formats, uri);
        if (format != null) {
            ErrorFormat.Written error = format.write(uri, status, message);
            return ResponseEntity.status(status).contentType(MediaType.parseMediaType(error.contentType()))
                    .body(error.body());
        }
        if (Refusals.isApi(uri) || !acceptsHtml(request)) {
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
            detail.setTitle(problems.text("problem.title." + shown));
            if (request.getAttribute(Refusals.FIELD) instanceof String field) {
                detail.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
        }
        ModelAndView page = new ModelAndView(VIEW);
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", shown);
        page.addObject("message", message);
        return page;
    }

    /** A multipart body Tomcat's upload parser could not read (cut short, a wrong boundary). */
    private static boolean isUploadFailure(Object thrown) {
        for (Throwable t = thrown instanceof Throwable th ? th : null; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.apache.tomcat.util.http.fileupload.")) {
                return true;
            }
        }
        return false;
    }

    /** Pages' scripts fetch JSON outside /api (map data, dashboard data): they get JSON when they ask for it. */
    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || !accept.contains("json");
    }
}
