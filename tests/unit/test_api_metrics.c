/* Unit tests of api/metrics and the operational endpoints, without a socket: routes as the
 * transport sees them, counters and histograms as GET /metrics renders them, and /livez,
 * /readyz and /metrics when there is no database at all. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/metrics.h"

static void get(const char *path, api_response *resp)
{
    api_request req = {.method = "GET", .path = path};
    api_handle(NULL, &req, resp);
}

Test(api_metrics, routes_as_the_transport_sees_them)
{
    cr_expect_str_eq(api_route_of("/quotes/0123456789ab"), "/quotes/{id}");
    cr_expect_str_eq(api_route_of("/sources/x/text"), "/sources/{id}/text");
    cr_expect_str_eq(api_route_of("/metrics"), "/metrics");
    cr_expect_null(api_route_of("/nope"));
    cr_expect_null(api_route_of(NULL));

    const char *operational[] = {"/healthz", "/livez", "/readyz", "/metrics"};
    for (size_t i = 0; i < sizeof operational / sizeof operational[0]; i++)
        cr_expect(api_route_is_operational(operational[i]), "%s", operational[i]);
    const char *data[] = {"/", "/sources", "/quotes/{id}", "/openapi.yaml", "/nope"};
    for (size_t i = 0; i < sizeof data / sizeof data[0]; i++)
        cr_expect_not(api_route_is_operational(data[i]), "%s", data[i]);
    cr_expect_not(api_route_is_operational(NULL));
}

Test(api_metrics, counters_and_histograms_render)
{
    api_metrics_start("9.9.9-test");
    api_metrics_observe("/quotes/{id}", "GET", 200, 80);
    api_metrics_observe("/quotes/{id}", "GET", 200, 3000);
    api_metrics_observe("/quotes/{id}", "HEAD", 304, 20000000);
    api_metrics_observe("/quotes/{id}", "BREW", 418, 10);
    api_metrics_observe(NULL, "GET", 404, 50);

    api_response resp;
    get("/metrics", &resp);
    cr_assert_eq(resp.status, 200);
    cr_expect_str_eq(resp.content_type, "text/plain; version=0.0.4; charset=utf-8");
    cr_expect_not(resp.cacheable);
    char *text = strndup(resp.body, resp.len);
    const char *lines[] = {
        "factd_build_info{version=\"9.9.9-test\"} 1\n",
        "factd_http_requests_total{route=\"/quotes/{id}\",method=\"GET\",status=\"200\"} 2\n",
        "factd_http_requests_total{route=\"/quotes/{id}\",method=\"HEAD\",status=\"304\"} 1\n",
        "factd_http_requests_total{route=\"/quotes/{id}\",method=\"other\",status=\"4xx\"} 1\n",
        "factd_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n",
        "factd_http_request_duration_seconds_bucket{route=\"/quotes/{id}\",le=\"0.0001\"} 2\n",
        "factd_http_request_duration_seconds_bucket{route=\"/quotes/{id}\",le=\"0.0025\"} 2\n",
        "factd_http_request_duration_seconds_bucket{route=\"/quotes/{id}\",le=\"0.005\"} 3\n",
        "factd_http_request_duration_seconds_bucket{route=\"/quotes/{id}\",le=\"10\"} 3\n",
        "factd_http_request_duration_seconds_bucket{route=\"/quotes/{id}\",le=\"+Inf\"} 4\n",
        "factd_http_request_duration_seconds_sum{route=\"/quotes/{id}\"} 20.003090\n",
        "factd_http_request_duration_seconds_count{route=\"/quotes/{id}\"} 4\n",
        "factd_database_up 0\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        cr_expect(strstr(text, lines[i]), "no line %s in:\n%s", lines[i], text);
    cr_expect_null(strstr(text, "factd_sources"), "database gauges without a database");
    free(text);
    api_response_release(&resp);
}

Test(api_metrics, operations_without_a_database)
{
    api_response resp;
    get("/livez", &resp);
    cr_expect_eq(resp.status, 200);
    cr_expect_not(resp.cacheable);
    cr_expect_str_eq(resp.route, "/livez");
    api_response_release(&resp);

    get("/readyz", &resp);
    cr_expect_eq(resp.status, 503);
    cr_expect_str_eq(resp.content_type, "application/problem+json; charset=utf-8");
    api_response_release(&resp);
}
