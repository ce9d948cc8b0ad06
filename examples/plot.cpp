// Writes an SVG picture of the four activations (solid) and their derivatives (dashed) on
// [-4, 4], each curve computed by simdact's span drivers. Usage: plot [output.svg]
// (default: activations.svg). The output is byte-for-byte reproducible: coordinates are printed
// in pixels with one decimal, far coarser than any rounding difference between builds.
#include <simdact/simdact.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <span>
#include <string>
#include <vector>

namespace {

constexpr double x_min = -4, x_max = 4;
constexpr int samples = 401;
constexpr double panel_width = 360, panel_height = 250, margin = 40, gap = 40;

// printf-style formatting of up to four numbers (every conversion in `pattern` takes a double).
std::string format(char const* pattern, double a, double b = 0, double c = 0, double d = 0) {
    int const length = std::snprintf(nullptr, 0, pattern, a, b, c, d);
    std::string out(static_cast<std::size_t>(length), '\0');
    std::snprintf(out.data(), out.size() + 1, pattern, a, b, c, d);
    return out;
}

struct panel {
    std::string title;
    double y_min, y_max;
    std::vector<double> value, slope;
};

template <class F>
panel make_panel(std::string title, F const& f, double y_min, double y_max,
                 std::span<double const> x) {
    panel p{std::move(title), y_min, y_max, std::vector<double>(x.size()),
            std::vector<double>(x.size())};
    simdact::forward(f, x, p.value);
    simdact::derivative(f, x, p.slope);
    return p;
}

// One curve as SVG paths, broken where it jumps (relu' and leaky_relu' at 0). At a jump the
// value taken at the breakpoint itself is drawn as a filled dot, the one it leaves as an open dot.
std::string curve(std::span<double const> x, std::span<double const> y, auto const& px,
                  auto const& py, char const* colour, bool dashed) {
    std::string out;
    std::string const style = std::string(" fill=\"none\" stroke=\"") + colour +
                              "\" stroke-width=\"2\"" +
                              (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
    std::string path = format("M%.1f %.1f", px(x[0]), py(y[0]));
    for (std::size_t i = 1; i < x.size(); ++i) {
        if (std::abs(y[i] - y[i - 1]) > 0.25) {
            out += "<path d=\"" + path + "\"" + style;
            out += format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"white\" stroke=\"",
                          px(x[i]), py(y[i - 1])) +
                   colour + "\" stroke-width=\"2\"/>\n";
            out += format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"", px(x[i]), py(y[i])) +
                   colour + "\"/>\n";
            path = format("M%.1f %.1f", px(x[i]), py(y[i]));
        } else {
            path += format(" L%.1f %.1f", px(x[i]), py(y[i]));
        }
    }
    return out + "<path d=\"" + path + "\"" + style;
}

std::string draw(panel const& p, std::span<double const> x, double left, double top) {
    auto const px = [&](double v) { return left + (v - x_min) / (x_max - x_min) * panel_width; };
    auto const py = [&](double v) {
        return top + (p.y_max - v) / (p.y_max - p.y_min) * panel_height;
    };
    std::string out = format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                             "fill=\"white\" stroke=\"#999\"/>\n",
                             left, top, panel_width, panel_height);
    // Grid lines and labels at the integers, axes through the origin.
    for (int i = static_cast<int>(x_min); i <= static_cast<int>(x_max); ++i) {
        out += format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"", px(i), top,
                      px(i), top + panel_height) +
               (i == 0 ? "#444" : "#e4e4e4") + "\"/>\n";
        out += format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", px(i),
                      top + panel_height + 14, i);
    }
    double const step = p.y_max - p.y_min < 3 ? 0.5 : 1; // grid lines every 0.5 or 1
    for (double v = std::ceil(p.y_min / step) * step; v <= p.y_max; v += step) {
        out += format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"", left,
                      py(v), left + panel_width, py(v)) +
               (v == 0 ? "#444" : "#e4e4e4") + "\"/>\n";
        out += format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", left - 4,
                      py(v) + 4, v + 0.0); // + 0.0: no "-0" label
    }
    out += format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\">",
                  left + panel_width / 2, top - 8) +
           p.title + "</text>\n";
    out += "<g clip-path=\"url(#" + format("clip%.0f_%.0f", left, top) + ")\">\n";
    out += curve(x, p.value, px, py, "#1f5fbf", false);
    out += curve(x, p.slope, px, py, "#e07b00", true);
    return out + "</g>\n";
}

} // namespace

int main(int argc, char** argv) {
    std::string const path = argc > 1 ? argv[1] : "activations.svg";
    std::vector<double> x(samples);
    for (int i = 0; i < samples; ++i) // exact multiples of 1/50, 0 included
        x[i] = x_min + (x_max - x_min) * i / (samples - 1);

    panel const panels[] = {
        make_panel("relu", simdact::relu{}, -1, 4.25, x),
        make_panel("leaky_relu, alpha = 0.1", simdact::leaky_relu{0.1}, -1, 4.25, x),
        make_panel("sigmoid", simdact::sigmoid{}, -0.25, 1.25, x),
        make_panel("tanh", simdact::tanh{}, -1.25, 1.25, x),
    };

    double const width = 2 * panel_width + 2 * margin + gap;
    double const height = 2 * panel_height + 2 * margin + gap + 30;
    std::string svg = format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                             "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" "
                             "font-size=\"12\">\n",
                             width, height, width, height);
    svg += format("<rect width=\"%.0f\" height=\"%.0f\" fill=\"white\"/>\n", width, height);
    std::string body, clips;
    for (int k = 0; k < 4; ++k) {
        double const left = margin + (k % 2) * (panel_width + gap);
        double const top = margin + (k / 2) * (panel_height + gap);
        clips += "<clipPath id=\"" + format("clip%.0f_%.0f", left, top) + "\">" +
                 format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", left, top,
                        panel_width, panel_height) +
                 "</clipPath>\n";
        body += draw(panels[k], x, left, top);
    }
    svg += "<defs>\n" + clips + "</defs>\n" + body;
    // Legend.
    double const legend_y = height - 18;
    svg += format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1f5fbf\" "
                  "stroke-width=\"2\"/>\n",
                  margin, legend_y, margin + 30, legend_y);
    svg += format("<text x=\"%.1f\" y=\"%.1f\">f(x)</text>\n", margin + 36, legend_y + 4);
    svg += format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e07b00\" "
                  "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n",
                  margin + 90, legend_y, margin + 120, legend_y);
    svg += format("<text x=\"%.1f\" y=\"%.1f\">f'(x)   (filled dot: the value at the jump; "
                  "relu'(0) = 1)</text>\n",
                  margin + 126, legend_y + 4);
    svg += "</svg>\n";

    std::ofstream file(path, std::ios::binary);
    file << svg;
    if (!file) {
        std::cerr << "plot: cannot write " << path << '\n';
        return 1;
    }
    std::cout << "wrote " << path << '\n';
}
