"""Item pipelines, one job each, in this order: validate, canonicalise, deduplicate, classify, store."""

ORDER = {
    "crawler.pipelines.validate.ValidatePipeline": 100,
    "crawler.pipelines.canonical.CanonicalPipeline": 200,
    "crawler.pipelines.dedup.DedupPipeline": 300,
    "crawler.pipelines.classify.ClassifyPipeline": 400,
    "crawler.pipelines.store.StorePipeline": 900,
}
