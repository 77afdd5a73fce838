FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY dukcapil ./dukcapil
COPY pendaftaran ./pendaftaran
COPY pencatatan_sipil ./pencatatan_sipil
COPY piak ./piak
COPY sekretariat ./sekretariat
RUN pip install --no-cache-dir .
COPY . .
RUN DJANGO_SETTINGS_MODULE=dukcapil.settings.production SECRET_KEY=collectstatic-only \
    python manage.py collectstatic --noinput
RUN useradd --system --uid 1000 dukcapil && mkdir -p /var/lib/dukcapil/media && chown -R dukcapil /var/lib/dukcapil
USER dukcapil
EXPOSE 8000
